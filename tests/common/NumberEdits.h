#pragma once

// The edit the stager's tests (tst_ChangeStager, tst_StagingHistory) stage most: a new label for
// StagingRecords.h's number().

#include "StagingRecords.h"
#include "changes/NumberChangePayloads.h"

namespace trunkline::test {

// number() relabelled, made on its version v1 and on `revision` of its staged change (0: the one
// staged now).
inline store::PendingChange relabel(qint64 profile, const QString& label, qint64 revision = 0) {
    core::PhoneNumberRecord edited = number();
    edited.label = label;
    store::PendingChange change =
        changes::NumberChangePayloads::numberUpdate(profile, number(), edited, QStringLiteral("v1"));
    change.revision = revision;
    return change;
}

} // namespace trunkline::test
