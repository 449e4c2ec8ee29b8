package org.riskgate.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.riskgate.selectivity.Lane;
import org.riskgate.selectivity.Reason;

/**
 * One line of the analysts' queue.
 *
 * @param topReasons the strongest reasons, at most three
 * @param resultFraud the recorded inspection result, if any
 * @param status the case's status; empty for a green declaration, which is no case
 * @param assignee who has the case
 */
public record QueueRow(
    String id, LocalDate date, String officeId, String importerId, String hsCode, double score,
    Lane lane, boolean randomPick, List<Reason> topReasons, Optional<Boolean> resultFraud,
    Optional<CaseStatus> status, Optional<String> assignee) {}
