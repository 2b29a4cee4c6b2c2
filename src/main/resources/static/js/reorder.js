/*
 * Reordering a list by dragging (native HTML5 drag and drop). The list is an <ol data-reorder="FORM-ID"> whose items
 * are <li draggable="true" data-item="ID">; while an item is dragged it moves among the others, and when it is dropped
 * the new order of ids is put in the form's field "ordning" (the item dragged in "flyttad") and the form is sent. The
 * form (htmx) brings the list back from the server with its new numbers and an announcement for the page's live
 * region. The buttons beside each item stay for the keyboard and screen readers; this only adds the mouse's way.
 * Listeners are on the document, so a list that htmx swaps in needs nothing done.
 */
(function () {
  'use strict';
  var dragged = null;
  var before = null;

  function listOf(node) {
    return node && node.closest ? node.closest('ol[data-reorder]') : null;
  }

  function itemOf(node) {
    return node && node.closest ? node.closest('li[data-item]') : null;
  }

  function ids(list) {
    return Array.prototype.filter.call(list.children, function (li) { return li.hasAttribute('data-item'); })
      .map(function (li) { return li.getAttribute('data-item'); });
  }

  function restore(list, order) {
    order.forEach(function (id) {
      var li = list.querySelector(':scope > li[data-item="' + id + '"]');
      if (li) {
        list.appendChild(li);
      }
    });
  }

  function finish() {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    dragged = null;
    before = null;
  }

  document.addEventListener('dragstart', function (e) {
    var li = itemOf(e.target);
    if (!li || !listOf(li) || li.getAttribute('draggable') !== 'true') {
      return;
    }
    dragged = li;
    before = ids(listOf(li));
    li.classList.add('dragging');
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', li.getAttribute('data-item'));
    }
  });

  document.addEventListener('dragover', function (e) {
    if (!dragged || listOf(e.target) !== listOf(dragged)) {
      return;
    }
    e.preventDefault();
    if (e.dataTransfer) {
      e.dataTransfer.dropEffect = 'move';
    }
    var over = itemOf(e.target);
    if (!over || over === dragged || over.parentNode !== dragged.parentNode) {
      return;
    }
    var box = over.getBoundingClientRect();
    over.parentNode.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });

  document.addEventListener('drop', function (e) {
    if (!dragged || listOf(e.target) !== listOf(dragged)) {
      return;
    }
    e.preventDefault();
    var list = listOf(dragged);
    var order = ids(list);
    var moved = dragged.getAttribute('data-item');
    var unchanged = order.join(',') === before.join(',');
    finish();
    var form = document.getElementById(list.getAttribute('data-reorder'));
    if (unchanged || !form) {
      return;
    }
    form.elements.ordning.value = order.join(',');
    form.elements.flyttad.value = moved;
    list.setAttribute('aria-busy', 'true');
    form.requestSubmit();
  });

  // dropped outside the list, or the drag was cancelled (Escape): the item goes back where it was
  document.addEventListener('dragend', function () {
    if (!dragged) {
      return;
    }
    restore(listOf(dragged), before);
    finish();
  });
}());
