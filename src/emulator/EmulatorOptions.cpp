#include "emulator/EmulatorOptions.h"

#include <QCoreApplication>

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
        if (key == u"5xx") {
            if (!parseFraction(key, value, &result.serverError, error))
                return std::nullopt;
        } else if (key == u"429") {
            if (!parseFraction(key, value, &result.tooManyRequests, error))
                return std::nullopt;
        } else if (key == u"drop") {
            if (!parseFraction(key, value, &result.drop, error))
                return std::nullopt;
        } else if (key == u"truncate") {
            if (!parseFraction(key, value, &result.truncate, error))
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
