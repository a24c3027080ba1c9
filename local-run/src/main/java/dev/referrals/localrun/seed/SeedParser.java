package dev.referrals.localrun.seed;

import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a seed file (YAML, or JSON, which is YAML too) and checks all of it before anything is published: every
 * problem is reported at once, as {@code <file>:<line>: <field>: <problem>}.
 */
public final class SeedParser {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> SECTIONS = Set.of("accounts", "jobs", "invitations", "proposals", "hires");

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private SeedParser(String file) {
        this.file = file;
    }

    /**
     * @param file the name used in messages
     * @param text the file's content
     * @throws SeedException naming every problem found
     */
    public static Seed parse(String file, String text) {
        return new SeedParser(file).parse(text);
    }

    private Seed parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException syntax) {
            throw new SeedException(List.of("%s:%d: not valid YAML: %s".formatted(
                    file, syntax.getProblemMark().getLine() + 1, syntax.getProblem())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new SeedException(List.of(file + ":1: the file must be a mapping with the sections " + SECTIONS));
        }
        Map<String, Node> sections = fields(top, "", SECTIONS);
        Map<String, Seed.Account> accounts = new LinkedHashMap<>();
        Map<String, Seed.Job> jobs = new LinkedHashMap<>();
        List<Seed.Activity> activities = new ArrayList<>();

        forEach(sections.get("accounts"), "accounts", (entry, path) -> account(entry, path, accounts));
        forEach(sections.get("jobs"), "jobs", (entry, path) -> job(entry, path, accounts, jobs));
        forEach(sections.get("invitations"), "invitations",
                (entry, path) -> activity(entry, path, JobActivityKind.INVITED, accounts, jobs, activities));
        forEach(sections.get("proposals"), "proposals",
                (entry, path) -> activity(entry, path, JobActivityKind.PROPOSAL_SUBMITTED, accounts, jobs, activities));
        forEach(sections.get("hires"), "hires",
                (entry, path) -> activity(entry, path, JobActivityKind.HIRED, accounts, jobs, activities));

        if (!problems.isEmpty()) {
            throw new SeedException(problems);
        }
        return new Seed(List.copyOf(accounts.values()), List.copyOf(jobs.values()), activities);
    }

    private void account(MappingNode entry, String path, Map<String, Seed.Account> accounts) {
        Map<String, Node> f = fields(entry, path, Set.of("id", "kind", "name", "email", "profileUrl", "status"));
        String id = required(f, entry, path, "id");
        AccountKind kind = enumValue(f, entry, path, "kind", AccountKind.class, null);
        String name = required(f, entry, path, "name");
        String email = required(f, entry, path, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            problem(f.get("email"), path + ".email", "'" + email + "' is not an email address");
        }
        String profileUrl = optional(f, "profileUrl");
        if (kind == AccountKind.FREELANCER && profileUrl == null) {
            problem(entry, path + ".profileUrl", "a freelancer needs a profile URL");
        }
        AccountStatus status = enumValue(f, entry, path, "status", AccountStatus.class, AccountStatus.ACTIVE);
        if (id != null && accounts.containsKey(id)) {
            problem(f.get("id"), path + ".id", "duplicate account id '" + id + "'");
        } else if (id != null) {
            accounts.put(id, new Seed.Account(id, kind, name, email, profileUrl, status));
        }
    }

    private void job(MappingNode entry, String path, Map<String, Seed.Account> accounts, Map<String, Seed.Job> jobs) {
        Map<String, Node> f = fields(entry, path, Set.of("id", "client", "title", "visibility", "status"));
        String id = required(f, entry, path, "id");
        String client = reference(f, entry, path, "client", accounts, AccountKind.CLIENT);
        String title = required(f, entry, path, "title");
        JobVisibility visibility = enumValue(f, entry, path, "visibility", JobVisibility.class, JobVisibility.PUBLIC);
        JobStatus status = enumValue(f, entry, path, "status", JobStatus.class, JobStatus.OPEN);
        if (id != null && jobs.containsKey(id)) {
            problem(f.get("id"), path + ".id", "duplicate job id '" + id + "'");
        } else if (id != null) {
            jobs.put(id, new Seed.Job(id, client, title, visibility, status));
        }
    }

    private void activity(MappingNode entry, String path, JobActivityKind kind, Map<String, Seed.Account> accounts,
                          Map<String, Seed.Job> jobs, List<Seed.Activity> activities) {
        boolean invitation = kind == JobActivityKind.INVITED;
        Map<String, Node> f = fields(entry, path,
                invitation ? Set.of("job", "freelancer", "invitationId") : Set.of("job", "freelancer"));
        String job = required(f, entry, path, "job");
        if (job != null && !jobs.containsKey(job)) {
            problem(f.get("job"), path + ".job", "no job with id '" + job + "' in this file");
        }
        String freelancer = reference(f, entry, path, "freelancer", accounts, AccountKind.FREELANCER);
        String invitationId = invitation ? required(f, entry, path, "invitationId") : null;
        activities.add(new Seed.Activity(kind, job, freelancer, invitationId));
    }

    private String reference(Map<String, Node> f, MappingNode entry, String path, String key,
                             Map<String, Seed.Account> accounts, AccountKind kind) {
        String id = required(f, entry, path, key);
        Seed.Account account = id == null ? null : accounts.get(id);
        if (id != null && account == null) {
            problem(f.get(key), path + "." + key, "no account with id '" + id + "' in this file");
        } else if (account != null && account.kind() != kind) {
            problem(f.get(key), path + "." + key, "'" + id + "' is a " + account.kind() + ", not a " + kind);
        }
        return id;
    }

    private interface EntryHandler {
        void handle(MappingNode entry, String path);
    }

    private void forEach(Node section, String name, EntryHandler handler) {
        if (section == null) {
            return;
        }
        if (!(section instanceof SequenceNode list)) {
            problem(section, name, "must be a list");
            return;
        }
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String path = name + "[" + i + "]";
            if (item instanceof MappingNode entry) {
                handler.handle(entry, path);
            } else {
                problem(item, path, "must be a mapping of fields");
            }
        }
    }

    private Map<String, Node> fields(MappingNode node, String path, Set<String> allowed) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            String where = path.isEmpty() ? key : path + "." + key;
            if (key == null || !allowed.contains(key)) {
                problem(tuple.getKeyNode(), where, "unknown field; expected one of " + allowed.stream().sorted().toList());
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private String required(Map<String, Node> fields, Node entry, String path, String key) {
        String value = optional(fields, key);
        if (value == null) {
            problem(fields.getOrDefault(key, entry), path + "." + key, "is required");
        }
        return value;
    }

    private String optional(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().trim();
        }
        return null;
    }

    private <E extends Enum<E>> E enumValue(Map<String, Node> fields, Node entry, String path, String key,
                                            Class<E> type, E defaultValue) {
        String value = defaultValue == null ? required(fields, entry, path, key) : optional(fields, key);
        if (value == null) {
            return defaultValue;
        }
        try {
            E parsed = Enum.valueOf(type, value);
            if (!"UNKNOWN".equals(parsed.name())) {
                return parsed;
            }
        } catch (IllegalArgumentException invalid) {
            // reported below
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .filter(name -> !"UNKNOWN".equals(name)).toList();
        problem(fields.get(key), path + "." + key, "'" + value + "' is not one of " + allowed);
        return defaultValue;
    }

    private void problem(Node node, String field, String message) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        problems.add("%s:%d: %s: %s".formatted(file, line, field, message));
    }
}
