#pragma once

#include <QString>

namespace trunkline::core {

// One entry of a provider's time zone list (RingCentral's dictionary): extensions are set to a zone by
// its id; the admin sees the name ("Europe/Berlin") and the description ("Amsterdam, Berlin, Rome …").
struct TimeZone {
    QString id;
    QString name;
    QString description;

    bool operator==(const TimeZone&) const = default;
};

} // namespace trunkline::core
