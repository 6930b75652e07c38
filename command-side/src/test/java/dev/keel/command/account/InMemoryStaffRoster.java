package dev.keel.command.account;

import dev.keel.api.account.AccountId;

import java.util.LinkedHashSet;
import java.util.Set;

/** The STAFF roster, in memory, for aggregate fixtures. */
final class InMemoryStaffRoster implements StaffRoster {

    final Set<AccountId> staff = new LinkedHashSet<>();

    @Override
    public void add(AccountId accountId) {
        staff.add(accountId);
    }

    @Override
    public boolean removeUnlessLast(AccountId accountId) {
        if (staff.stream().allMatch(accountId::equals)) {
            return false;
        }
        staff.remove(accountId);
        return true;
    }
}
