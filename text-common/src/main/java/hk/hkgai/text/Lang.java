package hk.hkgai.text;

import java.util.Locale;
import java.util.Optional;

/** The four languages the public API names in {@code hkgai.language}. */
public enum Lang {
    /** Cantonese, written in Traditional characters with colloquial forms (嘅, 咗, 喺, 冇 ...). */
    YUE("yue"),
    /** Written Chinese, Traditional script (Hong Kong's official written form). */
    ZH_HANT("zh-Hant"),
    /** Written Chinese, Simplified script. */
    ZH_HANS("zh-Hans"),
    EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for the languages written in Traditional characters. */
    public boolean traditional() {
        return this == YUE || this == ZH_HANT;
    }

    public boolean chinese() {
        return this != EN;
    }

    /** Parses a code case-insensitively; also accepts common aliases (zh-HK, zh-TW, zh-CN, zh). */
    public static Optional<Lang> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (c) {
            case "yue", "yue-hant", "zh-yue" -> Optional.of(YUE);
            case "zh-hant", "zh-hk", "zh-tw", "zh-mo" -> Optional.of(ZH_HANT);
            case "zh-hans", "zh-cn", "zh-sg", "zh" -> Optional.of(ZH_HANS);
            case "en", "en-hk", "en-gb", "en-us" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
