#pragma once

// What the stager's tests (tst_ChangeStager, tst_StagingHistory) stage and apply: one RingCentral number,
// forwarding entries, and the claim of an admin who is sending changes right now.

#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "store/PendingChange.h"

#include <QDateTime>
#include <QString>

namespace trunkline::test {

// The stored number that the edits start from.
inline core::PhoneNumberRecord number() {
    core::PhoneNumberRecord n;
    n.provider = QStringLiteral("ringcentral");
    n.id = QStringLiteral("N1");
    n.e164 = QStringLiteral("+4930123456");
    n.label = QStringLiteral("Reception");
    n.extensionId = QStringLiteral("101");
    return n;
}

inline core::ForwardingNumber forwarding(const QString& id, const QString& phone, int flip) {
    core::ForwardingNumber f;
    f.id = id;
    f.phoneNumber = phone;
    f.type = core::ForwardingType::Mobile;
    f.flipNumber = flip;
    return f;
}

// An applier's live claim (the GUI or CLI sending a change right now).
inline store::ChangeClaim applier() {
    return {QStringLiteral("admin@desk:1#00000001"), QDateTime::currentDateTimeUtc().addSecs(600)};
}

} // namespace trunkline::test
