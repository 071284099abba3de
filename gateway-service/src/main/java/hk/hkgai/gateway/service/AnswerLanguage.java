package hk.hkgai.gateway.service;

import hk.hkgai.text.Lang;

/** Names of the answer languages as the system prompt states them. */
final class AnswerLanguage {
    private AnswerLanguage() {
    }

    static String instruction(Lang lang) {
        return switch (lang) {
            case YUE -> "Answer in Cantonese, written in Traditional Chinese characters (粵語書面語).";
            case ZH_HANT -> "Answer in Standard Written Chinese using Traditional characters (繁體中文).";
            case ZH_HANS -> "Answer in Standard Written Chinese using Simplified characters (简体中文).";
            case EN -> "Answer in English.";
        };
    }
}
