package hk.hkgai.ingest.feed;

import hk.hkgai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The configured feeds, loaded and validated once (a broken feed list fails the start). */
@ApplicationScoped
public class FeedList {
    private final String location;
    private final List<FeedDefinition> all;
    private final Set<String> ids;

    public FeedList(IngestConfig config) {
        this.location = config.feedsFile();
        this.all = FeedCatalog.load(location);
        this.ids = all.stream().map(FeedDefinition::id).collect(Collectors.toUnmodifiableSet());
    }

    public String location() {
        return location;
    }

    public List<FeedDefinition> all() {
        return all;
    }

    public List<FeedDefinition> enabled() {
        return all.stream().filter(FeedDefinition::enabled).toList();
    }

    /** Whether {@code id} is one of ours: only those become metric tags (a raw record could carry any string). */
    public boolean isKnown(String id) {
        return ids.contains(id);
    }
}
