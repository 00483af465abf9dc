#pragma once

#include "emulator/ProviderService.h"

#include <QCoreApplication>
#include <QString>
#include <array>

namespace trunkline::emulator::ringcentral {

// Dictionary entries: time zones, languages, countries. UNCONFIRMED: the real dictionary ids were not
// available; these are stable choices (58 US/Eastern ... 70 Europe/Berlin).
struct RcDictEntry {
    const char16_t* id;
    const char16_t* name;
    const char16_t* description; // timezone description / locale code / ISO country code
    const char16_t* extra;       // timezone bias minutes / - / calling code
};

extern const std::array<RcDictEntry, 6> kRcTimezones;
extern const std::array<RcDictEntry, 3> kRcLanguages;
extern const std::array<RcDictEntry, 3> kRcCountries;

template <std::size_t N>
const RcDictEntry* lookup(const std::array<RcDictEntry, N>& table, const QString& id) {
    for (const auto& entry : table)
        if (id == QStringView(entry.id))
            return &entry;
    return nullptr;
}

inline QString str(const char16_t* text) {
    return QString::fromUtf16(text);
}

// The dictionary id of a number's country (+49 Germany, +44 United Kingdom, else United States).
QString countryIdOf(const QString& e164);

} // namespace trunkline::emulator::ringcentral
