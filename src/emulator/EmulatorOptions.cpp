#include "emulator/EmulatorOptions.h"

#include <QCoreApplication>
#include <utility>

namespace trunkline::emulator {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("trunkline::emulator::FaultSpec", text);
}

bool parseFraction(QStringView key, QStringView value, double* out, QString* error) {
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || v < 0.0 || v > 1.0) {
        if (error)
            *error = tr("Fault \"%1\" has value \"%2\"; it must be a fraction from 0 to 1.")
                         .arg(key.toString(), value.toString());
        return false;
    }
    *out = v;
    return true;
}

// The member a fault given as a fraction of requests sets ("5xx=0.1"), or nullptr for other keys.
double* fractionOf(FaultSpec& spec, QStringView key) {
    const std::pair<QStringView, double FaultSpec::*> fractions[] = {{u"5xx", &FaultSpec::serverError},
                                                                     {u"429", &FaultSpec::tooManyRequests},
                                                                     {u"drop", &FaultSpec::drop},
                                                                     {u"truncate", &FaultSpec::truncate}};
    for (const auto& [name, member] : fractions)
        if (key == name)
            return &(spec.*member);
    return nullptr;
}

} // namespace

std::optional<FaultSpec> FaultSpec::parse(QStringView spec, QString* error) {
    FaultSpec result;
    const QStringView trimmed = spec.trimmed();
    if (trimmed.isEmpty())
        return result;
    for (QStringView item : trimmed.split(u',')) {
        item = item.trimmed();
        if (item.isEmpty())
            continue;
        const auto eq = item.indexOf(u'=');
        if (eq <= 0) {
            if (error)
                *error = tr("Fault item \"%1\" must have the form name=value.").arg(item.toString());
            return std::nullopt;
        }
        const QStringView key = item.left(eq).trimmed();
        const QStringView value = item.mid(eq + 1).trimmed();
        if (double* fraction = fractionOf(result, key)) {
            if (!parseFraction(key, value, fraction, error))
                return std::nullopt;
        } else if (key == u"latency") {
            const auto dash = value.indexOf(u'-');
            bool okMin = false;
            bool okMax = false;
            int lo = 0;
            int hi = 0;
            if (dash < 0) {
                lo = hi = value.toInt(&okMin);
                okMax = okMin;
            } else {
                lo = value.left(dash).trimmed().toInt(&okMin);
                hi = value.mid(dash + 1).trimmed().toInt(&okMax);
            }
            if (!okMin || !okMax || lo < 0 || hi < lo || hi > 60000) {
                if (error)
                    *error = tr("Fault \"latency\" has value \"%1\"; it must be MIN-MAX milliseconds with "
                                "0 ≤ MIN ≤ MAX ≤ 60000.")
                                 .arg(value.toString());
                return std::nullopt;
            }
            result.latencyMinMs = lo;
            result.latencyMaxMs = hi;
        } else {
            if (error)
                *error = tr("Unknown fault \"%1\"; known faults are 5xx, 429, drop, truncate and latency.")
                             .arg(key.toString());
            return std::nullopt;
        }
    }
    const double sum = result.serverError + result.tooManyRequests + result.drop + result.truncate;
    if (sum > 1.0) {
        if (error)
            *error = tr("Fault fractions 5xx, 429, drop and truncate add up to %1; together they must not "
                        "exceed 1.")
                         .arg(sum);
        return std::nullopt;
    }
    return result;
}

} // namespace trunkline::emulator
