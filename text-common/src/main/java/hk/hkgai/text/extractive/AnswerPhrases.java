package hk.hkgai.text.extractive;

import hk.hkgai.text.Lang;

/** The fixed phrases of an extractive answer, per answer language. */
final class AnswerPhrases {
    private AnswerPhrases() {
    }

    /** Opens a grounded answer; it makes plain that what follows is quoted from sources. */
    static String leadIn(Lang lang) {
        return switch (lang) {
            case YUE, ZH_HANT -> "根據最新資料：";
            case ZH_HANS -> "根据最新资料：";
            case EN -> "According to the latest sources:";
        };
    }

    /** The whole answer when the sources do not answer the question: said plainly, never guessed. */
    static String notFound(Lang lang) {
        return switch (lang) {
            case YUE -> "我喺現有資料入面搵唔到答案。";
            case ZH_HANT -> "現有資料中找不到相關答案。";
            case ZH_HANS -> "现有资料中找不到相关答案。";
            case EN -> "I could not find an answer to this in the available sources.";
        };
    }
}
