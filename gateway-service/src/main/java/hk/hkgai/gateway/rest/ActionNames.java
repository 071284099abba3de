package hk.hkgai.gateway.rest;

import hk.hkgai.contracts.common.v1.Action;

/** The public names of guard actions in `hkgai.action`. */
final class ActionNames {
    private ActionNames() {
    }

    static String of(Action action) {
        return switch (action) {
            case ACTION_GUIDE -> "guide";
            case ACTION_REFUSE -> "refuse";
            case ACTION_REDACT -> "redact";
            default -> "allow";
        };
    }
}
