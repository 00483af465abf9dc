#pragma once

#include "core/Csv.h"
#include "gui/porting/PortOrdersModel.h"

#include <QCoreApplication>

class QIODevice;

namespace trunkline::gui {

// Every number of a port order as CSV: the route number, then each extended number of its blocks with
// whether it is active after the port (columns number, extension, active). Written by core::CsvWriter,
// so a cell a spreadsheet would run as a formula is neutralised.
class PortOrderCsv {
    Q_DECLARE_TR_FUNCTIONS(PortOrderCsv)

public:
    static bool write(QIODevice* device, const PortOrdersModel::Row& order, const core::CsvOptions& csv = {},
                      QString* error = nullptr);
};

} // namespace trunkline::gui
