/**
 * A push request as the schema outputs it (appId and workspaceId filled in, defaults applied):
 * what the plan and send stages take. Tests change only the fields they are about.
 */
export const SENDABLE = {
  taskName: 'order shipped',
  appId: 'ONEX570DA89211721',
  workspaceId: 'default',
  deliveryType: 3,
  targetMsgkey: { user1024: 'm-1' } as Record<string, string>,
  expiredSeconds: 300,
  templateName: 'order_shipped',
  classification: '1',
  strategyType: 0,
  smsStrategy: 0,
};
