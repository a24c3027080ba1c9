package dev.referrals.schemas.registry;

import dev.referrals.schemas.privacy.CredentialRedaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigException;

/**
 * The registry's base URLs with sticky fail-over, as Confluent's client keeps them: calls go to the URL that last
 * worked, and a failed URL moves the others up, so one dead node costs one timeout rather than one per call.
 */
final class BaseUrls {

    /**
     * One base URL.
     *
     * @param uri      the URL without user info and without a trailing slash; paths are appended to it
     * @param userInfo the {@code user:password} written in the URL, for basic auth from the URL
     */
    record BaseUrl(URI uri, Optional<String> userInfo) {

        URI resolve(String pathAndQuery) {
            return URI.create(uri + pathAndQuery);
        }
    }

    private final List<BaseUrl> urls;
    private final AtomicInteger current = new AtomicInteger();

    private BaseUrls(List<BaseUrl> urls) {
        this.urls = List.copyOf(urls);
    }

    static BaseUrls parse(String commaSeparated) {
        List<BaseUrl> urls = new ArrayList<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .forEach(url -> urls.add(baseUrl(url)));
        if (urls.isEmpty()) {
            throw new ConfigException(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, commaSeparated,
                    "At least one registry URL is needed");
        }
        return new BaseUrls(urls);
    }

    /** Every URL once, starting with the one that last worked. */
    List<BaseUrl> inFailoverOrder() {
        int start = current.get();
        List<BaseUrl> ordered = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            ordered.add(urls.get((start + i) % urls.size()));
        }
        return ordered;
    }

    /** Moves past the URL if it is still the current one; another thread may already have moved on. */
    void failed(BaseUrl url) {
        int index = urls.indexOf(url);
        current.compareAndSet(index, (index + 1) % urls.size());
    }

    List<BaseUrl> all() {
        return urls;
    }

    private static BaseUrl baseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                        CredentialRedaction.redact(text), "Expected an absolute http or https URL");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            URI withoutUserInfo = new URI(uri.getScheme() + "://" + hostAndPort(uri) + path);
            return new BaseUrl(withoutUserInfo, Optional.ofNullable(uri.getUserInfo()));
        } catch (URISyntaxException malformed) {
            throw new ConfigException(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, CredentialRedaction.redact(text),
                    CredentialRedaction.redact(malformed.getMessage()));
        }
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
