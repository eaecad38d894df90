import './meetings.personal-data';
import './meetings.labels';
export * from './meeting.entity';
export * from './meeting.inputs';
export * from './meeting.types';
export * from './meeting-ical';
export * from './meetings.service';
export * from './minutes.service';
export * from './date-polls.service';
export * from './registrations.service';
export * from './calendar-feed.service';
export * from './meeting-calendar-reply.service';
export * from './meetings.module';
// Last: the mail actions name the services above (the services name the actions by constant only).
export * from './meetings.mail-actions';
