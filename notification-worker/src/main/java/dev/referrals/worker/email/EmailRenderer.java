package dev.referrals.worker.email;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the subject, the HTML part and the plain-text part of an email from the Thymeleaf templates in
 * {@code templates/email/}: {@code <role>.html} (HTML mode: {@code th:text} escapes user text),
 * {@code <role>.txt} and {@code <role>-subject.txt} (text mode).
 *
 * <p>It has a template engine of its own rather than Boot's, which resolves only HTML web views: the emails need a
 * text mode as well, and rendering them must not depend on web settings.
 */
@Component
public class EmailRenderer {

    static final String TEMPLATE_LOCATION = "templates/email/";

    /** The emails are written in English; the locale only matters to formatting dialects. */
    private static final Locale LOCALE = Locale.ENGLISH;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public EmailRenderer() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
    }

    public RenderedEmail render(ReferralEmail email) {
        Context context = new Context(LOCALE, email.templateVariables());
        String name = email.role().tag();
        String subject = HeaderText.oneLine(engine.process(name + "-subject.txt", context));
        context.setVariable("subject", subject);
        return new RenderedEmail(subject, engine.process(name + ".html", context), engine.process(name + ".txt", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_LOCATION);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        return resolver;
    }
}
