#pragma once

// An extension as the tests store and stage them: its id, number and name; a user and enabled, as
// core::Extension starts, unless the test says otherwise.

#include "core/Extension.h"

#include <QString>

namespace trunkline::test {

inline core::Extension extension(const QString& id, const QString& number, const QString& name,
                                 core::ExtensionType type = core::ExtensionType::User,
                                 core::ExtensionStatus status = core::ExtensionStatus::Enabled) {
    core::Extension e;
    e.id = id;
    e.extensionNumber = number;
    e.name = name;
    e.type = type;
    e.status = status;
    return e;
}

} // namespace trunkline::test
