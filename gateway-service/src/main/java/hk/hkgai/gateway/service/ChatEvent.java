package hk.hkgai.gateway.service;

/**
 * One step of an answer as it streams to the client. The text of all {@link Text} events is guarded (released
 * by the output check) and its citation markers already renumbered; {@link Done} is always last.
 */
public sealed interface ChatEvent {

    /** Text to show now; {@code model} is the model that produced it ("" when no model ran). */
    record Text(String text, String model) implements ChatEvent {
    }

    /** The output guard stopped the answer: show {@code message} instead (a stream shows it after what it showed). */
    record Refused(String message) implements ChatEvent {
    }

    /** The answer is complete; {@code outcome} is what a non-streaming response returns. */
    record Done(ChatOutcome outcome) implements ChatEvent {
    }
}
