import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { MeetingsService } from '../meetings.service';
import { CalendarFeedService } from './calendar-feed.service';

/** One meeting as an .ics file for whoever may see it (signed in by cookie or bearer token): the meeting page's "add to calendar". */
@Controller('meetings')
export class MeetingEventController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Allow(Permission.Authenticated)
  @Get(':id/event.ics')
  async event(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const meeting = await this.meetings.get(ctx, id);
    const body = await this.feeds.meetingFile(meeting, ctx.actor!.personId);
    res.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="meeting.ics"').setHeader('Cache-Control', 'private, no-store').send(body);
  }
}

/**
 * Calendar subscriptions behind a secret token in the address (calendar apps
 * cannot send a bearer token): a person's meetings, and a group's meetings.
 */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Allow(Permission.Public)
  @Get(':token/feed.ics')
  async person(@Param('token') token: string, @Res() res: Response): Promise<void> {
    send(res, await this.feeds.personFeed(token.slice(0, 200)));
  }

  @Allow(Permission.Public)
  @Get(':token/groups/:groupId/feed.ics')
  async group(@Param('token') token: string, @Param('groupId', new ParseUUIDPipe()) groupId: string, @Res() res: Response): Promise<void> {
    send(res, await this.feeds.groupFeed(token.slice(0, 200), groupId));
  }
}

function send(res: Response, ics: string): void {
  res.type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300').send(ics);
}
