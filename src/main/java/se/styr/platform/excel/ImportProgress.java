package se.styr.platform.excel;

/** Hears how far an import has come; {@link #NONE} for a caller that does not care. */
public interface ImportProgress {

    void phase(ImportPhase phase, int total);

    void rows(int done);

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void phase(ImportPhase phase, int total) {
        }

        @Override
        public void rows(int done) {
        }
    };
}
