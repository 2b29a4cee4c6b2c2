package se.styr.economy.budget;

/** A line of the operating budget: a committee's grant, another frame (Exploatering), or central items. */
public enum FrameKind { NAMND, OVRIG_RAM, CENTRALA_POSTER }
