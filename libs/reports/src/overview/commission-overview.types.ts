import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RagValue, StatusReport } from '../status-report.entity';

@ObjectType({ description: 'A working group at a glance: its RAG by the report rule and its seats today.' })
export class OverviewGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field({ description: 'active, concluded, … (lower case, as the reports store it).' }) status: string;
  @Field(() => RagValue) rag: RagValue;
  @Field(() => Int) seats: number;
  @Field(() => Int) filled: number;
  @Field(() => Int, { description: 'Held over: not vacant.' }) holdover: number;
  @Field(() => Int) vacant: number;
}

@ObjectType({ description: 'A goal the commission\'s groups pursue, with its RAG.' })
export class OverviewGoal {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. "2.2".' }) code: string;
  @Field() text: string;
  @Field() priorityArea: string;
  @Field(() => RagValue) rag: RagValue;
}

@ObjectType({ description: 'An open deliverable and the day it is due.' })
export class OverviewDeadline {
  @Field(() => ID) deliverableId: string;
  @Field() title: string;
  @Field() dueOn: string;
  @Field(() => String, { nullable: true }) groupName: string | null;
  @Field({ description: 'The deliverable\'s status (lower case).' }) status: string;
  @Field(() => RagValue) rag: RagValue;
}

@ObjectType({ description: 'Something overdue today: a deliverable or an open action item.' })
export class OverviewOverdue {
  @Field({ description: '`deliverable:<id>` or `action_item:<id>`.' }) key: string;
  @Field({ description: 'deliverable or action_item.' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'The deliverable, when it is one (its page is /deliverables/<id>).' }) deliverableId: string | null;
  @Field() title: string;
  @Field() dueOn: string;
  @Field(() => String, { nullable: true }) groupName: string | null;
  @Field(() => Int) daysOverdue: number;
}

@ObjectType({ description: 'Vacant seats of one organisation in one group today (libs/seats\' VACANT).' })
export class OverviewVacancy {
  @Field(() => ID) groupId: string;
  @Field() groupName: string;
  @Field() organisation: string;
  @Field(() => Int) vacant: number;
  @Field(() => Int) seats: number;
}

@ObjectType({ description: 'One thing that is new, changed, done or newly late since the last report.' })
export class OverviewChange {
  @Field() key: string;
  @Field({ description: 'deliverable, group, action_item or mandate.' }) kind: string;
  @Field() title: string;
  @Field(() => [String], { description: 'What differs, e.g. `status: draft → in_review` (empty for new items).' }) changes: string[];
}

@ObjectType({ description: 'What changed since the last status report, by the reports\' own diff rule.' })
export class OverviewChanges {
  @Field({ description: 'False when there is no report yet to compare with.' }) hasPrevious: boolean;
  @Field(() => [OverviewChange]) new: OverviewChange[];
  @Field(() => [OverviewChange]) changed: OverviewChange[];
  @Field(() => [OverviewChange]) completed: OverviewChange[];
  @Field(() => [OverviewChange]) newlyLate: OverviewChange[];
}

@ObjectType({ description: 'A commission at a glance for its commissioners (and secretariat): today\'s figures by the status reports\' rules, never stored.' })
export class CommissionOverview {
  @Field(() => ID) commissionId: string;
  @Field() title: string;
  @Field({ description: 'Today in the commission\'s time zone: the day the figures are as of.' }) asOf: string;
  @Field(() => RagValue, { description: 'The whole commission by the roll-up rule.' }) rag: RagValue;
  @Field(() => String, { nullable: true, description: 'The reporting deadline as amended.' }) reportingDeadline: string | null;
  @Field(() => [OverviewGroup]) groups: OverviewGroup[];
  @Field(() => [OverviewGoal]) goals: OverviewGoal[];
  @Field(() => [OverviewDeadline], { description: 'Open deliverables due from today on, soonest first (at most 10).' }) nextDeadlines: OverviewDeadline[];
  @Field(() => [OverviewOverdue], { description: 'Late deliverables and overdue action items, most overdue first.' }) overdue: OverviewOverdue[];
  @Field(() => [OverviewVacancy], { description: 'Where seats are vacant, per group and organisation.' }) vacancies: OverviewVacancy[];
  @Field(() => Int) seats: number;
  @Field(() => Int) filled: number;
  @Field(() => Int) holdover: number;
  @Field(() => Int) vacant: number;
  @Field(() => StatusReport, { nullable: true, description: 'The newest status report (scheduled or on demand).' }) lastReport: StatusReport | null;
  @Field(() => OverviewChanges, { description: 'Changes since the last report.' }) sinceLastReport: OverviewChanges;
}
