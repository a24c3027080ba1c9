-- R1: a freelancer declines an invitation with a referral only once. The first decision on a request that got past
-- the rules on who may refer (docs/rules.md) declines its invitation here; a later request naming the same invitation
-- is rejected INVITATION_ALREADY_DECLINED. The primary key holds that even when two processors decide concurrently,
-- as the referral table's constraints hold I1.
create table declined_invitation (
    job_id        text not null,
    invitation_id text not null,
    referrer_id   text not null,
    request_id    text not null unique references decision (request_id),
    primary key (job_id, invitation_id)
);

-- Decisions made before this rule existed declined their invitation too, except a job never known (the only rule
-- that came before the invitation then): the earliest decision per invitation is its decline.
insert into declined_invitation (job_id, invitation_id, referrer_id, request_id)
select distinct on (job_id, invitation_id) job_id, invitation_id, referrer_id, request_id
  from decision
 where reason is distinct from 'JOB_NOT_FOUND'
 order by job_id, invitation_id, decided_at, request_id;

-- R1 reads the referrer's invitations by job (job_activity_by_job_and_freelancer) and by invitation id.
create index job_activity_by_invitation on job_activity (invitation_id, freelancer_id) where invitation_id is not null;
