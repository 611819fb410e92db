/** What is known about some requests of one load (one request, or the counters of many). */
export interface DeliveryCounts {
  /** Responses that reached the client intact: the harness's ground truth (`arrived` events). */
  readonly arrived: number;
  /** Requests the model delivered (`success` events). */
  readonly delivered: number;
  /** Requests that have ended without being delivered: final failures, and requests with no final event once the load is over. */
  readonly undelivered: number;
}

/**
 * The one definition of lost data: a request is lost when its response reached the client intact
 * and the model ended it without delivering it. Over counts (a request arrives at most once, and a
 * delivered request has arrived): the arrivals beyond the deliveries, among the requests that ended
 * undelivered. A request still in flight is never lost yet. Used by `summarizeLoad` (reports, `run`)
 * and by the dashboard's running counters.
 *
 * @example lostCount({ arrived: 3, delivered: 1, undelivered: 2 }) // 2: two answered, then dropped
 */
export const lostCount = ({ arrived, delivered, undelivered }: DeliveryCounts): number => Math.max(0, Math.min(arrived - delivered, undelivered));

/** {@link lostCount} for one request that has ended. */
export const isLost = (request: { readonly arrived: boolean; readonly delivered: boolean }): boolean =>
  lostCount({ arrived: Number(request.arrived), delivered: Number(request.delivered), undelivered: Number(!request.delivered) }) === 1;
