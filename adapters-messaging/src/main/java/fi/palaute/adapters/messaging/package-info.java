/**
 * Messaging adapter: the outbox relay, SMTP e-mail (Angus Mail), the SMS gateway and partner webhooks.
 * Empty until the invitations issue gives it messages to send; it implements out-ports of the application
 * and depends on no other adapter.
 */
package fi.palaute.adapters.messaging;
