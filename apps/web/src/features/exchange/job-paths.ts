/** The console's list of table jobs (库表任务). */
export const exchangeJobsPath = '/console/exchange/jobs';

/** A table job's page in the console: summary, columns, drift, actions and run history. */
export const exchangeJobPath = (id: string) => `${exchangeJobsPath}/${id}`;

/** The sharing portal's 我的库表订阅: the distributions into the user's department. */
export const subscriptionsPath = '/share/subscriptions';
