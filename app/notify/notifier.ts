import { NotifyClient } from 'notifications-node-client'
import type { Logger } from '../logger'
import type { Template } from './outbox'

/** Sends one email. The outbox worker is the only caller; routes never send directly. */
export interface Notifier {
  readonly kind: 'notify' | 'local'
  send(
    template: Template,
    recipient: string,
    personalisation: Readonly<Record<string, string>>,
    reference: string,
  ): Promise<void>
  /**
   * Whether an email with this reference (the outbox row id) was already accepted. Asked
   * only before a retry, so an instance that died just after sending causes no second email.
   */
  wasSent?(reference: string): Promise<boolean>
}

/**
 * GOV.UK Notify. Template ids come from the environment (NOTIFY_TEMPLATE_<NAME>), because
 * they belong to the Notify account the service is run with, not to the code.
 */
export class GovukNotifier implements Notifier {
  readonly kind = 'notify' as const
  private readonly client: NotifyClient

  constructor(
    apiKey: string,
    private readonly templateIds: Readonly<Record<Template, string>>,
  ) {
    this.client = new NotifyClient(apiKey)
  }

  async send(
    template: Template,
    recipient: string,
    personalisation: Readonly<Record<string, string>>,
    reference: string,
  ) {
    await this.client.sendEmail(this.templateIds[template], recipient, {
      personalisation: { ...personalisation },
      reference,
    })
  }

  async wasSent(reference: string): Promise<boolean> {
    const response = await this.client.getNotifications('email', undefined, reference)
    return response.data.notifications.length > 0
  }
}

/**
 * Without a Notify key nothing leaves the machine: the row stays in the outbox (marked
 * sent) for developers and tests to read. Only the template name is logged, never the
 * address or the link.
 */
export class LocalNotifier implements Notifier {
  readonly kind = 'local' as const
  constructor(private readonly logger: Logger) {}

  async send(template: Template) {
    this.logger.info({ template }, 'email kept in the local outbox (no NOTIFY_API_KEY)')
  }
}

export function templateIdsFromEnv(env: NodeJS.ProcessEnv): Record<Template, string> {
  return {
    'application-submitted': env.NOTIFY_TEMPLATE_APPLICATION_SUBMITTED ?? '',
    'draft-saved': env.NOTIFY_TEMPLATE_DRAFT_SAVED ?? '',
    'plan-kept': env.NOTIFY_TEMPLATE_PLAN_KEPT ?? '',
    'deadline-reminder': env.NOTIFY_TEMPLATE_DEADLINE_REMINDER ?? '',
  }
}
