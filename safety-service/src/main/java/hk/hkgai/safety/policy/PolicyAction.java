package hk.hkgai.safety.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import hk.hkgai.contracts.common.v1.Action;
import java.util.Locale;

/** A category's action, ordered by strictness: the strictest matching one wins. */
public enum PolicyAction {
    ALLOW(Action.ACTION_ALLOW),
    GUIDE(Action.ACTION_GUIDE),
    REDACT(Action.ACTION_REDACT),
    REFUSE(Action.ACTION_REFUSE);

    private final Action proto;

    PolicyAction(Action proto) {
        this.proto = proto;
    }

    public Action proto() {
        return proto;
    }

    public PolicyAction strictest(PolicyAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @JsonCreator
    public static PolicyAction parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
