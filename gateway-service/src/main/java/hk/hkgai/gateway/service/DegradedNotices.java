package hk.hkgai.gateway.service;

import hk.hkgai.text.Lang;

/** What an answer says, in the user's language, when it was produced without part of the mesh. */
final class DegradedNotices {
    private DegradedNotices() {
    }

    /** Inference was unavailable: the answer is the gateway's own extractive one. */
    static String modelUnavailable(Lang lang) {
        return switch (lang) {
            case YUE -> "（生成模型暫時用唔到，以下係直接摘錄自資料來源嘅答案。）\n";
            case ZH_HANT -> "（生成模型暫時無法使用，以下答案直接摘錄自資料來源。）\n";
            case ZH_HANS -> "（生成模型暂时无法使用，以下答案直接摘录自资料来源。）\n";
            case EN -> "(The generative model is unavailable right now; this answer is quoted directly from the sources.)\n";
        };
    }

    /** Retrieval was unavailable: the answer could not be checked against current sources. */
    static String sourcesUnavailable(Lang lang) {
        return switch (lang) {
            case YUE -> "（暫時查閱唔到最新資料來源，以下回答未經來源核實。）\n";
            case ZH_HANT -> "（暫時無法查閱最新資料來源，以下回答未經來源核實。）\n";
            case ZH_HANS -> "（暂时无法查阅最新资料来源，以下回答未经来源核实。）\n";
            case EN -> "(The news sources could not be consulted right now; this answer is not checked against them.)\n";
        };
    }
}
