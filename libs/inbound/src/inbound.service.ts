import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionShape, paginate } from '@samverkan/core';
import { InboundMail } from './inbound-mail.entity';
import { MailAddressFlag } from './mail-address-flag.entity';
import { InboundMailLogArgs, MailAddressFlagsArgs } from './inbound.types';

/** The secretariat's views of inbound mail: what came for its commission, and the dead addresses among its people. */
@Injectable()
export class InboundService {
  constructor(private readonly dataSource: DataSource) {}

  log(args: InboundMailLogArgs): Promise<ConnectionShape<InboundMail>> {
    const qb = this.dataSource
      .getRepository(InboundMail)
      .createQueryBuilder('i')
      .where('i.commission_id = :commissionId', { commissionId: args.commissionId })
      .orderBy('i.received_at', 'DESC')
      .addOrderBy('i.id', 'DESC');
    if (args.kind) qb.andWhere('i.kind = :kind', { kind: args.kind });
    return paginate(qb, args);
  }

  /** Flagged addresses that the commission's mail went to. */
  flags(args: MailAddressFlagsArgs): Promise<ConnectionShape<MailAddressFlag>> {
    const qb = this.dataSource
      .getRepository(MailAddressFlag)
      .createQueryBuilder('f')
      .where('f.flagged_at IS NOT NULL')
      .andWhere(`EXISTS (SELECT 1 FROM mail_outbox m WHERE lower(m.to_address) = f.address AND m.bounce_kind = 'hard' AND m.commission_id = :commissionId)`, {
        commissionId: args.commissionId,
      })
      .orderBy('f.flagged_at', 'DESC')
      .addOrderBy('f.address', 'ASC');
    return paginate(qb, args);
  }
}
