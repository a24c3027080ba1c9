package dev.referrals.localrun.seed;

import java.util.List;

/** A seed file that cannot be loaded; each problem names the file, the line and the field. Nothing was published. */
public class SeedException extends RuntimeException {

    private final List<String> problems;

    public SeedException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
