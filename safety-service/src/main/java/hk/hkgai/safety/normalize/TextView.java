package hk.hkgai.safety.normalize;

/**
 * One reading of a checked text, in the folded form policy patterns match (NFKC, lower case, Simplified).
 *
 * @param name  which de-obfuscation produced it: {@code plain}, {@code despaced}, {@code homoglyphs},
 *              {@code base64}, {@code hex}, {@code joined-literals}; reported as the hit's layer
 * @param text  the folded text
 */
public record TextView(String name, String text) {
    public static final String PLAIN = "plain";
}
