import type { Plan } from './plan'

/** One thing to do on a plan, as its checklist counts it: a service, or a choice of services (do one). */
export interface PlanTask {
  /** The service's id, or the choice's: what a kept plan marks done. */
  id: string
  /** The portal's own applications that complete it (any option of a choice). */
  applications: string[]
  /** Its services' ids (a choice's every option): what deadline reminders are kept under. */
  services: string[]
}

/** The plan's things to do, in checklist order: what "You have done 2 of 5 things" counts. */
export function planTasks(plan: Plan): PlanTask[] {
  return plan.steps.flatMap((step) =>
    step.items.map((item) => {
      const services = item.kind === 'service' ? [item] : item.options
      const applications = services.flatMap((s) => (s.variant.apply ? [s.variant.apply] : []))
      return {
        id: item.kind === 'service' ? item.service.id : item.choice,
        applications,
        services: services.map((s) => s.service.id),
      }
    }),
  )
}
