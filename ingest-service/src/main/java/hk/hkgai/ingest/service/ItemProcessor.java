package hk.hkgai.ingest.service;

import com.google.protobuf.InvalidProtocolBufferException;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.ingest.dedup.Deduplicator;
import hk.hkgai.ingest.dedup.Verdict;
import hk.hkgai.ingest.text.Chunker;
import hk.hkgai.ingest.text.HtmlCleaner;
import hk.hkgai.ingest.text.Script;
import hk.hkgai.ingest.text.ScriptDetector;
import hk.hkgai.ingest.text.TextCleaner;
import hk.hkgai.ingest.text.TokenCounter;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import hk.hkgai.text.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raw item to chunks, with no I/O: decode, validate, clean, detect language and script, check for duplicates,
 * chunk. Kept apart from the Kafka consumer so the whole transformation is testable as a plain function (the
 * duplicate window is its only state).
 */
@ApplicationScoped
public class ItemProcessor {
    private final ItemValidator validator;
    private final Chunker chunker;
    private final Deduplicator deduplicator;
    private final Clock clock;

    @Inject
    public ItemProcessor(IngestConfig config, TokenCounter tokens, Deduplicator deduplicator) {
        this(new ItemValidator(config.items().maxChars(), config.items().maxFuture()),
                new Chunker(tokens, config.chunk().targetTokens(), config.chunk().overlapRatio(), config.chunk().modelMaxTokens()),
                deduplicator, Clock.systemUTC());
    }

    public ItemProcessor(ItemValidator validator, Chunker chunker, Deduplicator deduplicator, Clock clock) {
        this.validator = validator;
        this.chunker = chunker;
        this.deduplicator = deduplicator;
        this.clock = clock;
    }

    /**
     * The processed item: its chunks in order, or none and {@code duplicateOf} when the same content was
     * already processed under another doc id.
     */
    public record Result(NewsItem item, Lang language, Script script, String contentHash, List<Chunk> chunks,
                         Optional<String> duplicateOf, Optional<String> nearDuplicateOf) {
    }

    public static NewsItem decode(byte[] value) throws UnprocessableItemException {
        if (value == null || value.length == 0) {
            throw new UnprocessableItemException("unparseable", "empty record value (expected a NewsItem)");
        }
        try {
            return NewsItem.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new UnprocessableItemException("unparseable", "value is not a hkgai.events.v1.NewsItem: " + e.getMessage(), e);
        }
    }

    public Result process(NewsItem item) throws UnprocessableItemException {
        if (!DocumentIds.isValid(item.getDocId())) {
            throw new UnprocessableItemException("invalid_doc_id",
                    "doc_id '" + abbreviate(item.getDocId()) + "' is not valid (" + DocumentIds.describeValid() + ")");
        }
        var now = clock.instant();
        validator.check(item, now);
        boolean html = HtmlCleaner.isHtmlType(item.getContentType());
        String text = html ? HtmlCleaner.toText(item.getText()) : TextCleaner.clean(item.getText());
        String title = HtmlCleaner.looksLikeHtml(item.getTitle())
                ? TextCleaner.cleanLine(HtmlCleaner.toText(item.getTitle()))
                : TextCleaner.cleanLine(item.getTitle());
        if (text.isEmpty()) {
            throw new UnprocessableItemException("empty_text", "no text left after cleaning (content_type '"
                    + item.getContentType() + "', " + item.getText().length() + " characters before)");
        }
        String both = title.isEmpty() ? text : title + "\n" + text;
        Lang lang = Lang.fromCode(item.getLanguage()).orElseGet(() -> LanguageDetector.detect(both));
        Script script = ScriptDetector.detect(both, lang);
        String contentHash = DocumentIds.contentHash(title, text);
        Deduplicator.Fingerprint fingerprint = deduplicator.fingerprint(title, text);
        Verdict verdict = deduplicator.admit(item.getDocId(), contentHash, fingerprint, now);
        if (verdict instanceof Verdict.Drop drop) {
            return new Result(item, lang, script, contentHash, List.of(), Optional.of(drop.duplicateOf()), Optional.empty());
        }
        Verdict.Keep keep = (Verdict.Keep) verdict;
        List<Chunker.Piece> pieces = chunker.chunk(title, text);
        var ingestedAt = Protos.timestamp(now);
        var publishedAt = item.hasPublishedAt() ? item.getPublishedAt()
                : item.hasReceivedAt() ? item.getReceivedAt() : ingestedAt;
        List<Chunk> chunks = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            chunks.add(Chunk.newBuilder()
                    .setChunkId(DocumentIds.chunkId(item.getDocId(), i))
                    .setDocId(item.getDocId())
                    .setChunkIndex(i)
                    .setChunkCount(pieces.size())
                    .setTitle(title)
                    .setText(pieces.get(i).text())
                    .setTokenCount(pieces.get(i).tokens())
                    .setUrl(item.getUrl())
                    .setSource(item.getSource())
                    .setLanguage(lang.code())
                    .setScript(script.code())
                    .setPublishedAt(publishedAt)
                    .setIngestedAt(ingestedAt)
                    .setContentHash(contentHash)
                    .setSimhash(fingerprint.simhash())
                    .setClusterId(keep.clusterId())
                    .build());
        }
        return new Result(item, lang, script, contentHash, chunks, Optional.empty(), Optional.ofNullable(keep.nearDuplicateOf()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
