// swift-tools-version: 6.0
import PackageDescription

/// Every MeterDesk target compiles in Swift 6 mode with warnings treated as errors.
let strict: [SwiftSetting] = [
  .unsafeFlags(["-warnings-as-errors"])
]

let package = Package(
  name: "MeterDesk",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "meterdesk", targets: ["meterdesk"]),
    .executable(name: "meterdesk-bench", targets: ["MeterDeskBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcursesw", path: "Sources/CNcursesw",
      providers: [.apt(["libncursesw5-dev"])]),
    .systemLibrary(
      name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),
    .systemLibrary(
      name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]),
    .target(name: "Domain", swiftSettings: strict),
    .target(name: "TextWidth", swiftSettings: strict),
    .target(name: "ModbusCore", swiftSettings: strict),
    .target(
      name: "ModbusTransport",
      dependencies: [
        "ModbusCore",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .target(
      name: "MeterProfiles",
      dependencies: ["Domain", "ModbusCore", .product(name: "TOMLKit", package: "TOMLKit")],
      resources: [.copy("Profiles")],
      swiftSettings: strict),
    .target(
      name: "Simulator",
      dependencies: [
        "Domain", "ModbusCore", "MeterProfiles", "MeterCrypto", "SiteConfig",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strict),
    .target(
      name: "Acquisition",
      dependencies: [
        "Domain", "ModbusCore", "ModbusTransport", "MeterProfiles",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .target(name: "MeterCrypto", dependencies: ["COpenSSL", "ModbusCore"], swiftSettings: strict),
    .target(
      name: "SiteConfig",
      dependencies: [
        "Domain",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strict),
    .target(
      name: "Store",
      dependencies: ["Domain", "MeterCrypto", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict),
    .target(
      name: "Services",
      dependencies: [
        "Domain", "Store", "SiteConfig", "MeterCrypto", "MeterProfiles", "Acquisition",
        "ModbusTransport", "Documents", "Printing",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .target(
      name: "ConsoleBridge",
      dependencies: ["Screens", "Services", "Acquisition", "ModbusTransport", "Store", "Domain"],
      swiftSettings: strict),
    .executableTarget(
      name: "meterdesk",
      dependencies: [
        "Domain", "Store", "Services", "SiteConfig", "MeterCrypto", "TextWidth",
        "ModbusCore", "ModbusTransport", "MeterProfiles", "Simulator", "Acquisition",
        "Screens", "TerminalUI", "TerminalNcurses", "ConsoleTheme", "Documents", "Printing",
        "ConsoleBridge",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "MeterDeskBench",
      dependencies: [
        "Acquisition", "Services", "Store", "SiteConfig", "MeterProfiles", "ModbusCore", "Screens",
        "TerminalUI", "ConsoleBridge", "MeterCrypto", "Domain",
      ],
      swiftSettings: strict),
    .target(name: "TerminalUI", dependencies: ["TextWidth"], swiftSettings: strict),
    .target(name: "TerminalNcurses", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: strict),
    .target(
      name: "ConsoleTheme",
      dependencies: ["TerminalUI", .product(name: "TOMLKit", package: "TOMLKit")],
      swiftSettings: strict),
    .target(name: "Screens", dependencies: ["Domain", "TerminalUI"], swiftSettings: strict),
    .target(
      name: "SimulatedSiteSupport",
      dependencies: [
        "TestSupport", "Simulator", "Services", "SiteConfig", "MeterProfiles", "MeterCrypto", "Store",
      ],
      path: "Tests/SimulatedSiteSupport", swiftSettings: strict),
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
    .target(
      name: "Documents", dependencies: ["Domain", "TextWidth", "CXlsxWriter"], swiftSettings: strict),
    .target(name: "Printing", dependencies: ["Documents"], swiftSettings: strict),
    .testTarget(
      name: "DocumentsTests", dependencies: ["Documents", "Domain", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "PrintingTests", dependencies: ["Printing", "Documents", "Domain", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "TextWidth"], swiftSettings: strict),
    .testTarget(
      name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "TerminalUI"],
      swiftSettings: strict),
    .testTarget(
      name: "ConsoleThemeTests", dependencies: ["ConsoleTheme", "TerminalUI", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "ScreensTests", dependencies: ["Screens", "Domain", "TerminalUI"],
      resources: [.copy("Golden")], swiftSettings: strict),
    .testTarget(name: "TextWidthTests", dependencies: ["TextWidth"], swiftSettings: strict),
    .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: strict),
    .testTarget(name: "ModbusCoreTests", dependencies: ["ModbusCore"], swiftSettings: strict),
    .testTarget(
      name: "MeterCryptoTests", dependencies: ["MeterCrypto"], swiftSettings: strict),
    .testTarget(
      name: "ModbusTransportTests",
      dependencies: [
        "ModbusTransport", "ModbusCore", "TestSupport", "meterdesk",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "MeterProfilesTests", dependencies: ["MeterProfiles", "ModbusCore", "Domain"],
      swiftSettings: strict),
    .testTarget(
      name: "SimulatorTests",
      dependencies: [
        "Simulator", "ModbusTransport", "ModbusCore", "MeterProfiles", "MeterCrypto", "SiteConfig",
        "TestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "AcquisitionTests",
      dependencies: [
        "Acquisition", "ModbusCore", "ModbusTransport", "MeterProfiles", "TestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "AcquisitionIntegrationTests",
      dependencies: [
        "SimulatedSiteSupport",
        "Acquisition", "Services", "Simulator", "Store", "SiteConfig", "MeterProfiles",
        "MeterCrypto", "TestSupport", "meterdesk",
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "SalesTests",
      dependencies: [
        "SimulatedSiteSupport",
        "Services", "Store", "Simulator", "Acquisition", "MeterProfiles", "MeterCrypto", "SiteConfig",
        "Domain", "TestSupport", .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "ConsoleTests", dependencies: ["TestSupport", "meterdesk"], swiftSettings: strict),
    .testTarget(
      name: "SystemLibraryTests", dependencies: ["MeterCrypto", "CNcursesw", "COpenSSL"],
      swiftSettings: strict),
    .testTarget(
      name: "StoreTests",
      dependencies: ["Store", "Domain", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict),
    .testTarget(
      name: "ServicesTests",
      dependencies: [
        "Services", "Store", "SiteConfig", "Domain", "MeterCrypto", "TestSupport", "SimulatedSiteSupport",
        "Acquisition",
      ],
      swiftSettings: strict),
    .testTarget(
      name: "CLITests", dependencies: ["TestSupport", "meterdesk"], swiftSettings: strict),
    .testTarget(
      name: "DaemonTests",
      dependencies: ["SimulatedSiteSupport", "TestSupport", "Store", "meterdesk"],
      swiftSettings: strict),
    .testTarget(
      name: "ReceiptPathTests",
      dependencies: ["Services", "Store", "SiteConfig", "Documents", "Printing", "Domain", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "SalesCLITests",
      dependencies: [
        "SimulatedSiteSupport",
        "TestSupport", "meterdesk", "Services", "Store", "Simulator", "SiteConfig", "MeterProfiles",
        "MeterCrypto", "Domain", "Documents", "Printing", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict),
  ]
)
