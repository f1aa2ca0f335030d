// The overview: a site at a glance.
export const overview = {
  overview: {
    title: 'Overview',
    period: 'Period',
    days: (n: number) => `Last ${n} days`,
    submissions: 'Submissions',
    spam: 'Spam caught',
    signups: 'Sign-ups',
    posts: 'Posts',
    flags: 'Flags',
    contact: 'Contact forms',
    community: 'Members and discussions',
    spamByReason: 'Spam caught, by reason',
    noSpam: 'No spam caught in this period.',
    deliveries: 'Delivery health',
    pending: 'Waiting',
    retrying: 'Failed, retrying',
    dead: 'Gave up',
    oldest: 'Oldest waiting',
    allDelivered: 'Everything was delivered.',
    actOnDead: (n: number) =>
      n === 1 ? 'Retry the delivery that gave up' : `Retry the ${n} deliveries that gave up`,
    seeWaiting: 'See what is waiting',
    backups: 'Backups',
    backupsOff: 'Scheduled backups are off on this server (BACKUP_DIR is not set).',
    backupsNone: 'No backups made yet.',
    backupName: 'File',
    backupSize: 'Size',
    backupTime: 'Made',
    seconds: (s: number) =>
      s < 90
        ? `${Math.round(s)} s`
        : s < 5400
          ? `${Math.round(s / 60)} min`
          : `${Math.round(s / 3600)} h`,
  },
  charts: {
    showTable: 'Show the numbers',
    day: 'Day',
    noneIn: (series: string) => `${series}: none in this period.`,
    summary: (series: string, total: string, day: string, peak: string) =>
      `${series}: ${total} in total, most on ${day} (${peak}).`,
  },
}
