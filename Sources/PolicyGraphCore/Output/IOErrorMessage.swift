import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One-line messages for file-system errors: what happened and what to do,
/// instead of Foundation's `NSCocoaErrorDomain` dumps.
public enum IOErrorMessage {
    /// The message for an error thrown by Foundation or a POSIX call.
    public static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return describe(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteOutOfSpace: return describe(errno: ENOSPC)
            case .fileWriteNoPermission, .fileReadNoPermission: return describe(errno: EACCES)
            case .fileWriteFileExists: return describe(errno: EEXIST)
            case .fileNoSuchFile, .fileReadNoSuchFile: return describe(errno: ENOENT)
            case .fileWriteVolumeReadOnly: return describe(errno: EROFS)
            default: break
            }
        }
        if let localized = error as? LocalizedError, let description = localized.errorDescription { return description }
        return "\(error)"
    }

    /// The message for a POSIX error number.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "no space left on the device. Free some space or write elsewhere (-o DIR)."
        case EACCES, EPERM: return "permission denied. Check the permissions of the file and its folder, or write elsewhere (-o DIR)."
        case EEXIST: return "a file of that name exists already. Remove it or choose another name."
        case ENOENT: return "no such file or folder. Check the path."
        case EROFS: return "the file system is read-only. Write elsewhere (-o DIR)."
        case ELOOP: return "a symbolic link loop (a link that points back at itself). Fix or remove the link."
        case ENOTDIR: return "a part of the path is not a folder. Check the path."
        case EISDIR: return "is a folder, not a file."
        case EIO: return "an input/output error of the device. Check the disk."
        default: return String(cString: strerror(code)) + "."
        }
    }
}
