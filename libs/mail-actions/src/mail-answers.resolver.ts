import { Args, ArgsType, Field, ID, ObjectType, Parent, ResolveField, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { AccessService } from '@samverkan/access';
import { Allow, Connection, ConnectionArgs, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { mailAction } from './mail-action.registry';
import { MailLinkUse } from './mail-link-use.entity';
import { MailLinkService } from './mail-link.service';

@ObjectType()
export class MailAnswerConnection extends Connection(MailLinkUse) {}

@ArgsType()
export class MailAnswersArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;
}

@Resolver(() => MailLinkUse)
export class MailAnswersResolver {
  constructor(
    private readonly links: MailLinkService,
    private readonly access: AccessService,
    private readonly people: PeopleService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => MailAnswerConnection, { description: 'Answers people gave from links in mail (nominations, RSVPs, reviews, approvals), newest first (secretariat).' })
  async mailAnswers(@Ctx() ctx: RequestContext, @Args() args: MailAnswersArgs) {
    await this.access.require(ctx, args.commissionId, 'manage');
    return this.links.answers(args.commissionId, args);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who answered (the person the link was sent to).' })
  person(@Ctx() ctx: RequestContext, @Parent() use: MailLinkUse) {
    return use.personId ? this.people.load(ctx, use.personId) : null;
  }

  @ResolveField(() => String, { description: 'The action in the reader\'s language, e.g. "Nominate".' })
  actionLabel(@Ctx() ctx: RequestContext, @Parent() use: MailLinkUse) {
    return mailAction(use.action)?.label[ctx.locale] ?? use.action;
  }

  @ResolveField(() => String, { description: 'What was answered, in the reader\'s language (e.g. "attending", "2 candidates").' })
  answerText(@Ctx() ctx: RequestContext, @Parent() use: MailLinkUse) {
    return mailAction(use.action)?.describe(use.answer ?? {}, ctx.locale) ?? '';
  }

  @ResolveField(() => String, { description: 'What was answered, as JSON (e.g. the names proposed).' })
  answerJson(@Parent() use: MailLinkUse) {
    return JSON.stringify(use.answer ?? {});
  }
}
