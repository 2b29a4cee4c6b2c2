package se.styr.transfer;

/** The three workbooks: the organisation tree, the people with their roles, and the goal chain. */
public enum TransferKind {
    ORGANISATION("organisation"), PERSONER("personer"), STYRKEDJA("styrkedja");

    /** The kind's name in addresses and file names. */
    public final String slug;

    TransferKind(String slug) {
        this.slug = slug;
    }

    public static TransferKind ofSlug(String slug) {
        for (TransferKind k : values()) {
            if (k.slug.equals(slug)) {
                return k;
            }
        }
        throw new se.styr.platform.NotFoundException("Importtypen", slug);
    }

    /** The kind of job in the shared job table. */
    String jobKind() {
        return "TRANSFER_" + name();
    }
}
