package se.styr.platform.excel;

/**
 * Where an import is; the job page shows it. {@code GRANSKAS}: the file has been checked and the preview waits for the
 * user to confirm it (nothing is written yet).
 */
public enum ImportPhase { VANTAR, LASER, KONTROLLERAR, SKRIVER, GRANSKAS, KLAR, AVBRUTEN }
