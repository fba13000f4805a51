export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  text_zh: string;
  text_en: string;
  read_at: string | null;
  created_at: string;
}

export interface NotificationsTables {
  notifications: NotificationTable;
}

declare module '../../core/schema.js' {
  interface Database extends NotificationsTables {}
}
