import { registerPersonalData } from '@samverkan/core';

// Appointments and nominations are the public record: exported, kept on erasure
// (they keep pointing at the pseudonymised person). The gender given in a
// nomination is private and goes.
registerPersonalData({
  area: 'seats',
  exportSql: `
    SELECT 'appointment' AS kind, c.title AS commission, g.name AS "workingGroup", o.name AS organisation, s.number AS seat,
           a.kind AS "appointmentKind", a.starts_on AS "startsOn", a.ends_on AS "endsOn", a.term_number AS term, NULL::text AS gender
      FROM appointment a
      JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
      JOIN working_group g ON g.id = sa.working_group_id JOIN commission c ON c.id = g.commission_id
      JOIN organisation o ON o.id = sa.organisation_id
     WHERE a.person_id = :personId
    UNION ALL
    SELECT 'nomination', c.title, g.name, o.name, NULL, NULL, n.submitted_at::date, NULL, NULL, nc.gender
      FROM nomination_candidate nc
      JOIN nomination n ON n.id = nc.nomination_id JOIN nomination_request r ON r.id = n.request_id
      JOIN seat_allocation sa ON sa.id = r.allocation_id JOIN working_group g ON g.id = sa.working_group_id
      JOIN commission c ON c.id = g.commission_id JOIN organisation o ON o.id = r.organisation_id
     WHERE nc.person_id = :personId
    UNION ALL
    SELECT 'nomination-contact', c.title, g.name, o.name, NULL, NULL, r.sent_at::date, r.deadline, NULL, NULL
      FROM nomination_request r
      JOIN seat_allocation sa ON sa.id = r.allocation_id JOIN working_group g ON g.id = sa.working_group_id
      JOIN commission c ON c.id = g.commission_id JOIN organisation o ON o.id = r.organisation_id
     WHERE r.contact_person_id = :personId`,
  eraseSql: [`UPDATE nomination_candidate SET gender = NULL WHERE person_id = :personId AND gender IS NOT NULL`],
});
