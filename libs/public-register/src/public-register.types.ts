import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { PublishedDeliverables } from './commission-publication.entity';

@ObjectType()
export class PublicObjective {
  @Field({ description: 'a, b, c …' }) letter: string;
  @Field() text: string;
}

@ObjectType({ description: 'The mandate as published: who commissioned it, who leads it, what it is to do, by when.' })
export class PublicMandate {
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() commissioningBody: string;
  @Field() leadOrganisation: string;
  @Field(() => [String]) partners: string[];
  @Field(() => [PublicObjective], { description: 'The terms of reference in force (withdrawn ones left out).' }) objectives: PublicObjective[];
  @Field(() => String, { nullable: true, description: 'The reporting deadline as amended.' }) reportingDeadline: string | null;
}

@ObjectType({ description: 'An organisation\'s seats in a group.' })
export class PublicSeats {
  @Field() organisation: string;
  @Field(() => Int) seats: number;
  @Field(() => [String], { nullable: true, description: 'Who sits in them (principals in their term or held over), when the commission publishes names; else null.' }) members: string[] | null;
}

@ObjectType()
export class PublicGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => [PublicSeats], { nullable: true, description: 'Organisations and their seats, when published; else null.' }) seats: PublicSeats[] | null;
}

@ObjectType()
export class PublicDeliverable {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field({ description: 'The deliverable kind (lower case: report, memo, …).' }) kind: string;
  @Field() status: string;
  @Field() dueOn: string;
  @Field(() => String, { nullable: true }) deliveredOn: string | null;
  @Field(() => String, { nullable: true }) groupName: string | null;
  @Field(() => String, { nullable: true, description: 'Where the work is published.' }) url: string | null;
}

@ObjectType({ description: 'An open event anyone may register for (registerForEvent).' })
export class PublicEvent {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field({ description: 'webinar, workshop, meeting or dialogue.' }) kind: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field() timeZone: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int, { nullable: true, description: 'Places not yet taken (null: no limit).' }) placesLeft: number | null;
  @Field({ description: 'Whether a registration beyond the capacity joins a waitlist.' }) waitlistOpen: boolean;
}

/**
 * A commission's public register (offentlighetsprincipen): only what its
 * secretariat has published. A part not published is null.
 */
@ObjectType()
export class PublicRegister {
  @Field(() => ID) commissionId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) referenceNumber: string | null;
  @Field({ description: 'planned, active, reported or concluded.' }) status: string;
  @Field() startsOn: string;
  @Field(() => DateTimeScalar, { description: 'When anything shown last changed (the feeds\' updated).' }) updatedAt: Date;
  @Field(() => PublicMandate, { nullable: true }) mandate: PublicMandate | null;
  @Field(() => [PublicGroup], { nullable: true }) groups: PublicGroup[] | null;
  @Field(() => [PublicDeliverable], { nullable: true }) deliverables: PublicDeliverable[] | null;
  @Field(() => [PublicEvent], { nullable: true, description: 'Open events not yet over, soonest first.' }) events: PublicEvent[] | null;
}

@ObjectType({ description: 'A deliverable of the commission and whether it is published one by one.' })
export class PublicationDeliverable {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() status: string;
  @Field() dueOn: string;
  @Field(() => String, { nullable: true }) groupName: string | null;
  @Field({ description: 'Chosen for publication (counts when the commission publishes CHOSEN deliverables).' }) chosen: boolean;
}

@ObjectType({ description: 'The publication choices of a commission, for its secretariat.' })
export class PublicationSettings {
  @Field(() => ID) commissionId: string;
  @Field() title: string;
  @Field() published: boolean;
  @Field() mandate: boolean;
  @Field() groups: boolean;
  @Field() organisations: boolean;
  @Field() memberNames: boolean;
  @Field(() => PublishedDeliverables) deliverables: PublishedDeliverables;
  @Field() openEvents: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: never chosen (nothing is public).' }) updatedAt: Date | null;
  @Field(() => [PublicationDeliverable], { description: 'Every deliverable of the commission, due date first.' }) allDeliverables: PublicationDeliverable[];
  @Field({ description: 'The public page, e.g. /public/commissions/<id>.' }) url: string;
}
