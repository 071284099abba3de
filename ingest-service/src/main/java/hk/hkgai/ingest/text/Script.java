package hk.hkgai.ingest.text;

/** The writing system of an item, as Chunk.script names it. */
public enum Script {
    /** Traditional Chinese characters (Hong Kong's written Chinese and Cantonese). */
    HANT("Hant"),
    /** Simplified Chinese characters. */
    HANS("Hans"),
    /** English (Latin letters). */
    LATIN("Latin"),
    /** A substantial share of two of the above: bilingual releases, a Simplified story quoting Traditional names. */
    MIXED("mixed");

    private final String code;

    Script(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
