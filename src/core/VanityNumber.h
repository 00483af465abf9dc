#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace trunkline::core {

// Vanity and toll-free numbers as the add-number search takes them (seed 000: "Toll Free: 800, 888, 877,
// 866 or 855", "Vanity Toll Free: 800-YOUR-BIZ").
class VanityNumber {
public:
    // The North American toll-free prefixes a number can be bought with, in the seed's order.
    static const QStringList& tollFreePrefixes();
    // The pattern with letters turned into the digits of a standard phone keypad (ABC = 2 … WXYZ = 9);
    // digits and any other character are kept as they are.
    static QString digits(QStringView pattern);
};

} // namespace trunkline::core
