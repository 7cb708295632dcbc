import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** What the system needs of a mail server: send one plain-text message. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A mailer over a nodemailer transport (SMTP in production; jsonTransport in tests, no network). */
export function mailerFromTransport(transport: Transporter, from: string): Mailer {
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/** The mailer of the configuration: null when SMTP_URL is not set (in-app notifications only). */
export function createMailer(config: { smtpUrl: string | null; mailFrom: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  return mailerFromTransport(nodemailer.createTransport(config.smtpUrl), config.mailFrom);
}
