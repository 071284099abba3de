package hk.hkgai.ingest.service;

import com.google.protobuf.InvalidProtocolBufferException;
import hk.hkgai.contracts.events.v1.Chunk;
import hk.hkgai.contracts.events.v1.NewsItem;
import hk.hkgai.ingest.config.IngestConfig;
import hk.hkgai.ingest.text.Chunker;
import hk.hkgai.ingest.text.HtmlCleaner;
import hk.hkgai.ingest.text.TextCleaner;
import hk.hkgai.text.DocumentIds;
import hk.hkgai.text.Lang;
import hk.hkgai.text.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw item to chunks, with no I/O: decode, clean, detect the language, chunk. Kept apart from the Kafka
 * consumer so the whole transformation is testable as a plain function.
 */
@ApplicationScoped
public class ItemProcessor {
    private final Chunker chunker;
    private final Clock clock;

    @Inject
    public ItemProcessor(IngestConfig config) {
        this(new Chunker(config.chunk().chineseMaxChars(), config.chunk().englishMaxChars(), config.chunk().overlapSentences()),
                Clock.systemUTC());
    }

    public ItemProcessor(Chunker chunker, Clock clock) {
        this.chunker = chunker;
        this.clock = clock;
    }

    /** The processed item: the decoded NewsItem (for metrics) and its chunks in order. */
    public record Result(NewsItem item, Lang language, List<Chunk> chunks) {
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
        boolean html = HtmlCleaner.isHtmlType(item.getContentType());
        String text = html ? HtmlCleaner.toText(item.getText()) : TextCleaner.clean(item.getText());
        String title = HtmlCleaner.looksLikeHtml(item.getTitle())
                ? TextCleaner.cleanLine(HtmlCleaner.toText(item.getTitle()))
                : TextCleaner.cleanLine(item.getTitle());
        if (text.isEmpty()) {
            throw new UnprocessableItemException("empty_text", "no text left after cleaning (content_type '"
                    + item.getContentType() + "', " + item.getText().length() + " characters before)");
        }
        Lang lang = Lang.fromCode(item.getLanguage())
                .orElseGet(() -> LanguageDetector.detect(title.isEmpty() ? text : title + "\n" + text));
        List<String> pieces = chunker.chunk(text, lang);
        String contentHash = DocumentIds.contentHash(title, text);
        var ingestedAt = Protos.timestamp(clock.instant());
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
                    .setText(pieces.get(i))
                    .setUrl(item.getUrl())
                    .setSource(item.getSource())
                    .setLanguage(lang.code())
                    .setPublishedAt(publishedAt)
                    .setIngestedAt(ingestedAt)
                    .setContentHash(contentHash)
                    .build());
        }
        return new Result(item, lang, chunks);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
