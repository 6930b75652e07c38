package dev.keel.projection.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

import java.util.Properties;

/**
 * SMTP from {@code KEEL_MAIL_*}; {@code KEEL_MAIL_HOST=log} writes mails to the log instead (the embedded
 * development run's default), and without a host no mail goes anywhere. Boot's own mail
 * auto-configuration is not used: it switches on whenever the host property exists, even empty.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(MailProperties properties) {
        if (!StringUtils.hasText(properties.host())) {
            log.warn("No KEEL_MAIL_HOST: verification and reset mails are not sent, and wait (their processor retries)"
                    + " until it is set: to an SMTP server, or to 'log' to write them, links included, to the log");
            return new NoMailServer();
        }
        if (LogMailer.HOST.equals(properties.host())) {
            log.warn("KEEL_MAIL_HOST=log (the embedded run's default): mails, with links that sign their holder in,"
                    + " are written to the log");
            return new LogMailer();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        if (StringUtils.hasText(properties.username())) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.auth", StringUtils.hasText(properties.username()));
        smtp.put("mail.smtp.starttls.enable", properties.starttls());
        smtp.put("mail.smtp.starttls.required", properties.starttls());
        smtp.put("mail.smtp.connectiontimeout", "10000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        return new SmtpMailer(sender, properties.from());
    }
}
