-- The setup is done once per installation: the one transaction that inserts this row sets Styr up. Two instances
-- started from the same environment, or two setup links used at the same moment, meet here: the second waits for the
-- first and then finds the row, instead of creating a second municipality or failing on a unique name.
create table setup_claim (
    id          integer                  not null primary key,
    claimed_at  timestamp with time zone not null,
    constraint setup_claim_once check (id = 1)
);
